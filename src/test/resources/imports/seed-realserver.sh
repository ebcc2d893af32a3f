#!/bin/bash

#

# description: VS/DR Real Server.

#


VIP=192.168.101.168

GW=10.10.10.1


case "$1" in

  start)

    echo -e "\033[32mStart VS/DR of Real Server...\033[0m"

    /sbin/ifconfig lo down

    /sbin/ifconfig lo up

    echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore

    echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce

    echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore

    echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce

    /sbin/ifconfig lo:0 $VIP broadcast $VIP netmask 255.255.255.255 up

    /sbin/route add -host $VIP dev lo:0

    #/sbin/route add default gw $GW

    ;;

 stop)

    echo -e "\033[32mStop VS/DR of Real Server...\033[0m"

    /sbin/ifconfig lo:0 down &> /dev/null

    #/sbin/route del default gw $GW

    echo 0 > /proc/sys/net/ipv4/conf/lo/arp_ignore

    echo 0 > /proc/sys/net/ipv4/conf/lo/arp_announce

    echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore

    echo 0 > /proc/sys/net/ipv4/conf/all/arp_announce

    ;;

  status)

    CHECKLO=`/sbin/ifconfig lo:0 | grep $VIP`

    CHECKRO=`netstat -nr | grep lo | grep $VIP`

    if [ ! "$CHECKLO" -o ! "$CHECKRO" ];then

        echo -e "\033[32mReal Server VS/DR is not running...\033[0m"

    else

        echo -e "\033[32mReal Server VS/DR is Running...\033[0m"

    fi

    ;;

  *)

    echo -e "\033[32mUsage: $0 {start|stop|status}\033[0m"

    ;;

esac
