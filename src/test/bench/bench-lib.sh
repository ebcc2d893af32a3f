# shellcheck shell=bash
# What the benchmarks share (sourced, not run): the floor they time against, the cluster they
# generate and validate, and what ipvsadm prints for that cluster's service.

# bench_floor DIR: compiles Hello into DIR, the floor every ratio is taken against ("java -cp DIR Hello")
bench_floor() {
    printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$1/Hello.java"
    javac -d "$1" "$1/Hello.java"
}

# bench_time FILE COMMAND...: runs COMMAND (its output discarded, its stderr in FILE.err) and writes
# "SECONDS USER-SECONDS SYSTEM-SECONDS KIB" to FILE; fails as COMMAND does. The wall time is bash's
# clock around it: GNU time's %e moves in 10 ms steps, as coarse as the floor itself on a fast machine
bench_time() {
    local file=$1 start end
    shift
    # a locale with a decimal comma writes EPOCHREALTIME with one: awk reads only a point
    start=${EPOCHREALTIME/,/.}
    /usr/bin/time -o "$file.time" -f '%U %S %M' "$@" >/dev/null 2>"$file.err" || return
    end=${EPOCHREALTIME/,/.}
    awk -v s="$start" -v e="$end" '{ printf "%.4f %s %s %s\n", e - s, $1, $2, $3 }' "$file.time" >"$file"
}

# bench_cluster N: a DR cluster with N real servers on 10.0.0.0/8 in one wlc service (JSON on stdout)
bench_cluster() {
    awk -v n="$1" 'BEGIN {
        printf "{\"version\":1,\"name\":\"bench\",\"director\":{\"dipInterface\":\"eth0\",\"dips\":[\"10.0.0.1/8\"],"
        printf "\"vipInterface\":\"eth0\",\"gateway\":\"10.0.0.254\",\"ntpServer\":\"10.0.0.1\"},\"realServers\":["
        for (i = 0; i < n; i++) printf "%s{\"name\":\"rs%d\",\"address\":\"10.%d.%d.%d/8\",\"interface\":\"eth0\",\"gateway\":\"10.0.0.254\"}", (i ? "," : ""), i, 1 + int(i / 62500), int(i / 250) % 250, 1 + i % 250
        printf "],\"services\":[{\"protocol\":\"tcp\",\"vip\":\"10.0.0.100/8\",\"port\":80,\"scheduler\":\"wlc\",\"backends\":["
        for (i = 0; i < n; i++) printf "%s{\"realServer\":\"rs%d\",\"weight\":%d,\"forwarding\":\"dr\"}", (i ? "," : ""), i, 1 + i % 3
        printf "]}]}\n"
    }'
}

# bench_listings DIR N: what ipvsadm -L -n, --stats --exact and --rate --exact print for
# bench_cluster N's service with some traffic (DIR/list.txt, stats.txt, rate.txt), and DIR/bin/ipvsadm,
# a stand-in that prints them (the real one needs root and a kernel with IPVS)
bench_listings() {
    mkdir -p "$1/bin"
    awk -v n="$2" -v dir="$1" 'BEGIN {
        l = dir "/list.txt"; s = dir "/stats.txt"; r = dir "/rate.txt"
        print "IP Virtual Server version 1.2.1 (size=4096)" > l
        print "Prot LocalAddress:Port Scheduler Flags" > l
        print "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn" > l
        print "TCP  10.0.0.100:80 wlc" > l
        for (f = s; f != ""; f = (f == s ? r : "")) {
            print "IP Virtual Server version 1.2.1 (size=4096)" > f
            print "Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes" > f
            print "  -> RemoteAddress:Port" > f
            printf "TCP  10.0.0.100:80 %18d %8d %8d %8d %8d\n", n * 30, n * 200, 0, n * 9000, 0 > f
        }
        for (i = 0; i < n; i++) {
            a = sprintf("10.%d.%d.%d:80", 1 + int(i / 62500), int(i / 250) % 250, 1 + i % 250)
            w = 1 + i % 3
            printf "  -> %-28s Route   %-6d %-10d %-10d\n", a, w, i % 7, 20 * w > l
            printf "  -> %-28s %8d %8d %8d %8d %8d\n", a, 10 * w, 66 * w, 0, 3000 * w, 0 > s
            printf "  -> %-28s %8d %8d %8d %8d %8d\n", a, w % 2, 7 * w, 0, 300 * w, 0 > r
        }
    }'
    cat >"$1/bin/ipvsadm" <<SH
#!/bin/sh
case "\$*" in
    *--stats*) exec cat "$1/stats.txt" ;;
    *--rate*) exec cat "$1/rate.txt" ;;
    *) exec cat "$1/list.txt" ;;
esac
SH
    chmod +x "$1/bin/ipvsadm"
}
