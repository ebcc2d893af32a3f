# shellcheck shell=bash disable=SC2034  # LAB_* variables are read by lab-vm.sh and guest-lib.sh
# listings - captures what the real kernel's ipvsadm prints, for the parser tests
# (src/test/resources/ipvsadm/). Not run by the test suite: run it by hand when ipvsadm's output
# format is in doubt, and copy the blocks between LISTING BEGIN/END into the fixtures:
#
#   bash src/test/vm/lab-vm.sh --scenario listings --scripts /tmp --work /tmp/listings
#   bash src/test/vm/extract-listings.sh /tmp/listings/console.log src/test/resources/ipvsadm
#
# Topology on one bridge: client 192.168.101.253/24 and 2001:db8:1::253/64; director eth1
# 192.168.101.1 + VIP .168, 2001:db8:1::1 + VIP ::100, eth0 10.10.10.10/24, 2001:db8:2::10/64;
# rs1..rs3 10.10.10.11-13 / 2001:db8:2::11-13, default routes via the director (NAT), busybox
# httpd on 80 and 8443 answering their names.
LAB_SCRIPTS=""
LAB_EXTRA_MODULES=""

listing() {   # listing NAME ARGS...: one ipvsadm listing between markers
  local name=$1
  shift
  echo "LISTING BEGIN $name ipvsadm $*"
  nsx director ipvsadm "$@" 2>&1
  echo "LISTING END $name"
}

scenario_run() {
  local rs i n
  lab_bridge lan0
  lab_ns client; lab_port client eth0 lan0
  lab_ns director; lab_port director eth0 lan0; lab_port director eth1 lan0
  for rs in rs1 rs2 rs3; do lab_ns "$rs"; lab_port "$rs" eth0 lan0; done
  nsx client ip addr add 192.168.101.253/24 dev eth0
  nsx client ip -6 addr add 2001:db8:1::253/64 dev eth0
  nsx client ip route add 10.10.10.0/24 via 192.168.101.1
  nsx director ip addr add 10.10.10.10/24 dev eth0
  nsx director ip -6 addr add 2001:db8:2::10/64 dev eth0
  nsx director ip addr add 192.168.101.1/24 dev eth1
  nsx director ip addr add 192.168.101.168/32 dev eth1
  nsx director ip -6 addr add 2001:db8:1::1/64 dev eth1
  nsx director ip -6 addr add 2001:db8:1::100/128 dev eth1
  nsx director sysctl -q -w net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 >/dev/null
  i=11
  for rs in rs1 rs2 rs3; do
    nsx "$rs" ip addr add "10.10.10.$i/24" dev eth0
    nsx "$rs" ip -6 addr add "2001:db8:2::$i/64" dev eth0
    nsx "$rs" ip route add default via 10.10.10.10
    nsx "$rs" ip -6 route add default via 2001:db8:2::10
    mkdir -p "/srv/$rs" && echo "$rs" > "/srv/$rs/index.html"
    nsx "$rs" httpd -p 80 -h "/srv/$rs"
    nsx "$rs" httpd -p 8443 -h "/srv/$rs"
    i=$((i + 1))
  done
  modprobe ip_vs || lab_fatal "ip_vs"
  nsx director bash -c '
    set -e
    ipvsadm -A -t 192.168.101.168:80 -s wlc
    ipvsadm -a -t 192.168.101.168:80 -r 10.10.10.11:80 -m -w 2
    ipvsadm -a -t 192.168.101.168:80 -r 10.10.10.12:80 -m -w 1
    ipvsadm -a -t 192.168.101.168:80 -r 10.10.10.13:80 -m -w 0
    ipvsadm -A -u 192.168.101.168:53 -s sh -b sh-fallback,sh-port
    ipvsadm -a -u 192.168.101.168:53 -r 10.10.10.11:53 -g -w 1
    ipvsadm -a -u 192.168.101.168:53 -r 10.10.10.12:53 -i -w 1 -x 100 -y 50
    iptables -t mangle -A PREROUTING -d 192.168.101.168/32 -p tcp -m multiport --dports 8443,9443 -j MARK --set-mark 7
    ipvsadm -A -f 7 -s rr -p 600
    ipvsadm -a -f 7 -r 10.10.10.11:0 -m -w 1
    ipvsadm -a -f 7 -r 10.10.10.12:0 -m -w 1
    ipvsadm -A -t 192.168.101.168:22 -s lc -p 300 -M 255.255.255.0
    ipvsadm -a -t 192.168.101.168:22 -r 10.10.10.13:22 -m -w 5
    ipvsadm -A -t [2001:db8:1::100]:80 -s wrr
    ipvsadm -a -t [2001:db8:1::100]:80 -r [2001:db8:2::11]:80 -m -w 3
    ipvsadm -a -t [2001:db8:1::100]:80 -r [2001:db8:2::12]:80 -m -w 1
    ipvsadm -A -t [2001:db8:1::100]:443 -s mh -b mh-port -p 60 -M 64
    ipvsadm -a -t [2001:db8:1::100]:443 -r [2001:db8:2::13]:443 -m -w 1
  ' || lab_fatal "services"
  n=0
  fetch client 30 http://192.168.101.168/ > /tmp/a4
  fetch client 6 http://192.168.101.168:8443/ >> /tmp/a4
  fetch client 12 "http://[2001:db8:1::100]/" > /tmp/a6
  n=$(grep -c '^rs' /tmp/a4 /tmp/a6 | awk -F: '{s += $2} END {print s}')
  [ "$n" = 48 ]; check traffic $? "answers: $n/48 ($(sort /tmp/a4 /tmp/a6 | uniq -c | tr -s ' \n' ' '))"
  # keep a few connections open while listing, so -c and ActiveConn show established ones
  for i in 1 2 3; do
    nsx client bash -c 'exec 3<>/dev/tcp/192.168.101.168/80; sleep 30' &
  done
  sleep 4    # the rate estimator runs every 2 s
  listing list -L -n
  listing stats -L -n --stats
  listing stats-exact -L -n --stats --exact
  listing rate -L -n --rate
  listing rate-exact -L -n --rate --exact
  listing connections -L -n -c
  listing thresholds -L -n --thresholds
  listing persistent -L -n --persistent-conn
  listing save -S -n
  listing timeout -L --timeout
  listing one-service -L -n -t 192.168.101.168:80
  listing one-fwmark -L -n -f 7 --stats --exact
  listing none -L -n -t 192.168.101.168:81
  nsx director ipvsadm -C
  listing empty -L -n
  listing empty-stats -L -n --stats --exact
  wait
}
