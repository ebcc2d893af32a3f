#!/bin/sh
# A real server set up in a hurry: the VIP first, with its subnet's mask, and half the ARP fix.
VIP=192.168.101.168
ip addr add 10.10.10.13/24 dev eth0
ifconfig lo:0 $VIP netmask 255.255.255.0 up
echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore
ip route replace default via 10.10.10.1
