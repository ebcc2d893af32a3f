#!/bin/sh
# A fwmark service whose MARK rule was forgotten; the table built one command at a time.
ipvsadm -A -f 3 -s wlc -p
ipvsadm -a -f 3 -r 10.1.0.11 -g
ipvsadm -a -f 3 -r 10.1.0.12 -g -w 2
ipvsadm -e -f 3 -r 10.1.0.12 -g -w 4
ipvsadm -A -t ${UNSET_VIP}:80
