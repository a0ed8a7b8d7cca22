package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// providerComm is the provider's process name as /proc shows it (15 bytes).
const providerComm = "terraform-provi"

// clockTick is the unit of utime and stime in /proc/PID/stat (USER_HZ,
// 100 on every Linux architecture Go supports).
const clockTick = 10 * time.Millisecond

// usage is what the processes of one Terraform run consumed.
type usage struct {
	terraformRSS int64         // peak, bytes
	providerRSS  int64         // peak of the largest provider process, bytes
	providerCPU  time.Duration // user+system, summed over the provider processes
	terraformCPU time.Duration // user+system of Terraform itself (set by the caller)
}

// sampler polls one terraform process and the provider processes it starts
// (only its direct children: other engineers' Terraform runs on the machine
// start providers too). Memory is VmHWM, the kernel's own high-water mark,
// so a spike between polls is not lost; CPU is the last reading before a
// process ends, so up to one poll interval of it is.
type sampler struct {
	done chan struct{}
	out  chan usage
}

func startSampler(tfPID int) *sampler {
	s := &sampler{done: make(chan struct{}), out: make(chan usage, 1)}
	go func() {
		var u usage
		cpu := map[int]time.Duration{}
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			u.terraformRSS = max(u.terraformRSS, vmHWM(tfPID))
			for pid, c := range childrenNamed(tfPID, providerComm) {
				u.providerRSS = max(u.providerRSS, vmHWM(pid))
				cpu[pid] = c
			}
			select {
			case <-s.done:
				for _, c := range cpu {
					u.providerCPU += c
				}
				s.out <- u
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

func (s *sampler) stop() usage {
	close(s.done)
	return <-s.out
}

// childrenNamed maps the processes whose parent is ppid and whose name
// starts with prefix to the CPU time they have used.
func childrenNamed(ppid int, prefix string) map[int]time.Duration {
	entries, _ := os.ReadDir("/proc")
	pids := map[int]time.Duration{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		st, ok := parseStat(stat)
		if ok && st.ppid == ppid && strings.HasPrefix(st.comm, prefix) {
			pids[pid] = st.cpu
		}
	}
	return pids
}

type procStat struct {
	comm string
	ppid int
	cpu  time.Duration // utime + stime
}

// parseStat reads /proc/PID/stat. The name is in parentheses and may itself
// contain spaces or parentheses; the fields after it are numbered from 3.
func parseStat(stat []byte) (procStat, bool) {
	open, end := bytes.IndexByte(stat, '('), bytes.LastIndexByte(stat, ')')
	if open < 0 || end < open {
		return procStat{}, false
	}
	f := strings.Fields(string(stat[end+1:])) // f[0] is field 3 (state)
	if len(f) < 13 {
		return procStat{}, false
	}
	ppid, err1 := strconv.Atoi(f[1])               // field 4
	utime, err2 := strconv.ParseInt(f[11], 10, 64) // field 14
	stime, err3 := strconv.ParseInt(f[12], 10, 64) // field 15
	if err1 != nil || err2 != nil || err3 != nil {
		return procStat{}, false
	}
	return procStat{comm: string(stat[open+1 : end]), ppid: ppid, cpu: time.Duration(utime+stime) * clockTick}, true
}

// vmHWM reads a process's peak resident set size in bytes (0 if gone).
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
