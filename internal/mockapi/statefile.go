package mockapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// stateFileVersion is written in every state file; another version is refused.
const stateFileVersion = 1

// savedState is the JSON of a state file: every account, and the
// server-wide clock offset and quota of accounts still to come. Faults,
// latency, counters, rate-limit buckets and remembered realtime answers
// are not kept: they come from the flags, or start afresh.
type savedState struct {
	Version  int            `json:"version"`
	OffsetNS int64          `json:"offset_ns"`
	Quota    int64          `json:"quota"`
	Accounts []savedAccount `json:"accounts"`
}

type savedAccount struct {
	Key       string           `json:"key"`
	Regtime   time.Time        `json:"regtime"`
	Quota     int64            `json:"quota"`
	OffsetNS  int64            `json:"offset_ns"`
	Seq       int64            `json:"seq"`
	Meters    map[string]int64 `json:"meters"`
	Trackings []savedTracking  `json:"trackings"` // creation order
}

type savedTracking struct {
	ID        string            `json:"id"`
	Number    string            `json:"number"`
	Carrier   string            `json:"carrier"`
	Fields    map[string]string `json:"fields"`
	Archived  bool              `json:"archived,omitempty"`
	Manual    string            `json:"manual,omitempty"`
	FrozenAt  *time.Time        `json:"frozen_at,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
	UpdatedAt time.Time         `json:"updated_at"`
}

// load reads every account of the state file, when it exists.
func (s *Server) load() error {
	raw, err := os.ReadFile(s.stateFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // created by the first change
	}
	if err == nil {
		err = s.restore(raw)
	}
	if err != nil {
		return fmt.Errorf("state file %s: %w", s.stateFile, err)
	}
	return nil
}

func (s *Server) restore(raw []byte) error {
	var st savedState
	if err := json.Unmarshal(raw, &st); err != nil {
		return err
	}
	if st.Version != stateFileVersion {
		return fmt.Errorf("version %d, want %d", st.Version, stateFileVersion)
	}
	s.offset, s.quota = time.Duration(st.OffsetNS), st.Quota
	for _, sa := range st.Accounts {
		a := s.newAccount(sa.Key)
		a.regtime, a.quota, a.offset, a.seq = sa.Regtime, sa.Quota, time.Duration(sa.OffsetNS), sa.Seq
		if sa.Meters != nil {
			a.meters = sa.Meters
		}
		for _, t := range sa.Trackings {
			if carrierByCode[t.Carrier] == nil {
				return fmt.Errorf("account %s: tracking %s/%s has a carrier the catalogue does not know", KeyLabel(sa.Key), t.Carrier, t.Number)
			}
			tr := &tracking{
				id: t.ID, number: t.Number, carrier: t.Carrier, fields: t.Fields, archived: t.Archived,
				manual: t.Manual, frozenAt: t.FrozenAt, createdAt: t.CreatedAt, updatedAt: t.UpdatedAt,
			}
			if tr.fields == nil {
				tr.fields = map[string]string{}
			}
			a.add(tr)
		}
		s.accounts[sa.Key] = a
	}
	return nil
}

// saveLocked writes every account to the state file, if there is one,
// atomically: a temporary file beside it, synced, then renamed over it, so
// that a crash at any moment leaves the previous or the new state whole.
// Called with s.mu held, after each change and before its answer.
func (s *Server) saveLocked() error {
	if s.stateFile == "" {
		return nil
	}
	st := savedState{Version: stateFileVersion, OffsetNS: int64(s.offset), Quota: s.quota, Accounts: []savedAccount{}}
	for _, a := range s.accounts {
		sa := savedAccount{
			Key: a.key, Regtime: a.regtime, Quota: a.quota, OffsetNS: int64(a.offset), Seq: a.seq,
			Meters: a.meters, Trackings: []savedTracking{},
		}
		for _, t := range a.inOrder() {
			sa.Trackings = append(sa.Trackings, savedTracking{
				ID: t.id, Number: t.number, Carrier: t.carrier, Fields: t.fields, Archived: t.archived,
				Manual: t.manual, FrozenAt: t.frozenAt, CreatedAt: t.createdAt, UpdatedAt: t.updatedAt,
			})
		}
		st.Accounts = append(st.Accounts, sa)
	}
	raw, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.stateFile), filepath.Base(s.stateFile)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	if _, err := tmp.Write(raw); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.stateFile)
}
