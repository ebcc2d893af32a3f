#!/bin/sh
VIP=192.168.101.168
ip addr add "$VIP/32" dev lo label lo:vip
sysctl -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2
