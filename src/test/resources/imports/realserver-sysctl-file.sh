#!/bin/sh
# the ARP fix is in /etc/sysctl.d, loaded here
sysctl -p /etc/sysctl.d/lvs.conf
ip addr add 192.168.101.168/32 dev lo label lo:0
