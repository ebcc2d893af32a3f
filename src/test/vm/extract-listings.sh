#!/bin/bash
# extract-listings.sh CONSOLE_LOG DIR: writes each "LISTING BEGIN NAME ... / LISTING END NAME"
# block of a `listings` scenario run to DIR/NAME.txt, as ipvsadm printed it.
set -euo pipefail
[ $# = 2 ] || { echo "usage: $0 CONSOLE_LOG DIR" >&2; exit 2; }
mkdir -p "$2"
awk -v dir="$2" '
  $1 == "LISTING" && $2 == "BEGIN" { name = $3; file = dir "/" name ".txt"; printf "" > file; next }
  $1 == "LISTING" && $2 == "END" { close(file); name = ""; next }
  name != "" { print > file }' "$1"
ls "$2"
