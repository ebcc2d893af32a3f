#!/bin/bash

#

# chkconfig: - 90 10

# description: LVS Script for VS/DR.

#


VIP=192.168.101.168

RIP1=10.10.10.11

RIP2=10.10.10.12

GW=192.168.101.254


CSTATUS1() {

    [ -e /var/lock/subsys/ipvsadm.lock ] && echo -e "\033[32mipvsadm is running...\033[0m" && exit 1

}


CSTATUS2() {

    [ ! -e /var/lock/subsys/ipvsadm.lock ] && echo -e "\033[32mipvsadm is not running...\033[0m" && exit 2

}


case "$1" in

  start)

    CSTATUS1

    echo -e "\033[32mStart VS/DR of Director Server...\033[0m"

    # Set the Virtual IP address.

    /sbin/ifconfig eth1 $VIP broadcast $VIP netmask 255.255.255.0 up

    /sbin/route add -host $VIP dev eth1

    /sbin/route add default gw $GW

    # Director must open packet forwarding.

    #echo 1 > /proc/sys/net/ipv4/ip_forward

    # Clean all iptables rules.

    /sbin/iptables -F

    # Reset iptables counters.

    /sbin/iptables -Z

    # Clean all ipvsadm rules/services.

    /sbin/ipvsadm -C

    # Set VS/DR, Scheduling is Weighted Least Connection.

    /sbin/ipvsadm -A -t $VIP:80 -s wlc

    /sbin/ipvsadm -a -t $VIP:80 -r $RIP1 -g -w 2

    /sbin/ipvsadm -a -t $VIP:80 -r $RIP2 -g -w 1

    # Show VS/DR status.

    /sbin/ipvsadm -L -n

    /bin/touch /var/lock/subsys/ipvsadm.lock

    ;;

  stop)

    CSTATUS2

    echo -e "\033[32mStop VS/DR of Director Server...\033[0m"

    # Reset ipvsadm.

    /sbin/ipvsadm -C

    # Close VIP interface.

    /sbin/ifconfig eth1 down &> /dev/null

    # Close packet forwarding.

    #echo 0 > /proc/sys/net/ipv4/ip_forward

    /bin/rm -f /var/lock/subsys/ipvsadm.lock

    ;;

  status)

    [ -e /var/lock/subsys/ipvsadm.lock ] && echo -e "\033[32mipvsadm is running...\033[0m" || echo -e "\033[32mipvsadm is not running...\033[0m"

    ;;

  *)

    echo -e "\033[32mUsage: $0 {start|stop|status}\033[0m"

    ;;

esac
