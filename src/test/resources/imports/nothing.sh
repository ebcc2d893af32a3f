#!/bin/sh
ifconfig eth0 up
