package bulk

import "encoding/json"

// The private state lists the labels a first create kept in state (as
// planned) without creating their trackings.
type trackingsPrivate struct {
	NeverCreated []string `json:"never_created"`
}

func neverCreatedPrivate(labels []string) []byte {
	if len(labels) == 0 {
		return nil
	}
	b, _ := json.Marshal(trackingsPrivate{NeverCreated: labels}) // cannot fail for strings
	return b
}

func neverCreated(private []byte) []string {
	var p trackingsPrivate
	if json.Unmarshal(private, &p) != nil {
		return nil
	}
	return p.NeverCreated
}

// dropNeverCreated removes from state the items a first create failed to
// create, so they are planned again instead of being looked up (and a
// tracking that already existed under that number silently adopted) or
// deleted.
func dropNeverCreated(state *trackingsResourceModel, labels []string) {
	for _, label := range labels {
		if item, ok := state.Trackings[label]; ok && item.ID.IsNull() {
			delete(state.Trackings, label)
		}
	}
}
