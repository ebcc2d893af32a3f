#!/bin/sh
# Every way an ipvsadm or network line can fail to say what it means, one per line.
ipvsadm -A -t 10.0.0.1 -s rr
ipvsadm -A -t 10.0.0.1:80 -s rr -b sh-port
ipvsadm --frobnicate
ipvsadm -a -t 10.0.0.1:80
ipvsadm -A -s rr
ipvsadm -A -t 10.0.0.1:82 -s
ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.1 -w heavy
ipvsadm -A -u 10.0.0.3:53 -o
ipvsadm -R < /etc/ipvsadm.rules
ipvsadm -A -t 10.0.0.4:80 -s fastest
ipvsadm -A -t 10.0.0.1:80 -s rr
ipvsadm -A -t 10.0.0.1:80 -s wlc
ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.2 -i --tun-type vxlan
ipvsadm -a -t 10.0.0.1:80 -r not-an-address
ipvsadm -a -t 10.0.0.1:80 -r 10.0.1.3 -g
ipvsadm -D -t 10.9.9.9:80
ipvsadm -Z
ifconfig eth1 10.0.0.1 netmask 255.0.255.0
ifconfig eth1 down
ip addr add bogus dev eth1
ip addr add 10.7.7.7/24 dev eth2
ip route add 10.8.0.0/16 via 10.0.0.254
route add -net 10.9.0.0/16 gw 10.0.0.254
sysctl -w net.ipv4.conf.all.arp_ignore=yes
sysctl -p
echo 1 > /proc/sys/net/ipv4/ip_forward
echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter
iptables -t mangle -A PREROUTING -d 10.0.0.1/32 -j MARK --set-mark x
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
stop() {
    ipvsadm -C
}
