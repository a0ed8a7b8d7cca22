package mockapi

import (
	"fmt"
	"testing"
)

func TestDetect(t *testing.T) {
	m := newMock(t, Options{Limits: NoLimits})
	for _, tc := range []struct{ number, want string }{
		{"1Z999AA10123456784", "[ups]"},
		{"RH051844173TR", "[turkey-post]"},
		{"RR123456785CN", "[china-post]"},
		{"EA123456785CN", "[china-ems china-post]"},
		{"LZ123456785US", "[usps]"},
		{"RR123456785GB", "[royal-mail]"},
		{"RR123456785DE", "[deutsche-post]"},
		{"CP123456785FR", "[laposte]"},
		{"LZ448865302CN", "[china-ems china-post]"},
		{"LK664578623CN", "[china-ems china-post]"},
		{"LM088827160CN", "[china-ems china-post]"},
		{"RR123456785NL", "[postnl-parcels]"},
		{"RR123456785BE", "[belgium-post]"},
		{"RR123456785GR", "[greece-post]"},
		{"EJ123456785JP", "[japan-post]"},
		{"9400111899223197428490", "[usps]"},
		{"92612999897543581234", "[usps]"},
		{"420902109400111899223197428490", "[usps]"},
		{"123456789012", "[fedex]"},
		{"123456789012345", "[fedex]"},
		{"1234567890", "[dhl]"},
		{"4PX3001234567890CN", "[4px]"},
		{"SF1234567890123", "[sf-express]"},
		{"JT1234567890123", "[jtexpress]"},
	} {
		t.Run(tc.number, func(t *testing.T) {
			var refs []carrierRef
			m.call("POST", "/carriers/detect", obj{"tracking_number": tc.number}).want(t, 200, &refs)
			var codes []string
			for _, r := range refs {
				codes = append(codes, r.Code)
				if r.Name == "" {
					t.Errorf("%s has no name", r.Code)
				}
			}
			if fmt.Sprint(codes) != tc.want {
				t.Errorf("detected %v, want %s", codes, tc.want)
			}
		})
	}
	for _, n := range []string{"HELLO", "RR123456785XX", "12345"} {
		m.call("POST", "/carriers/detect", obj{"tracking_number": n}).want(t, 4032, nil)
	}
}
