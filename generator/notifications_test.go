package generator

import "testing"

// TestHasNotifications checks when the SDK gets the notifications package:
// only with a NotificationsApi that has every operation the package calls,
// none of them a tombstone.
func TestHasNotifications(t *testing.T) {
	api := func(pkg string, tombstone string, names ...string) *API {
		a := &API{Package: pkg}
		for _, n := range names {
			a.Operations = append(a.Operations, &Operation{Name: n, Tombstone: n == tombstone})
		}
		return a
	}
	all := append([]string{"GetNotificationsChannels"}, notificationsOps...)
	for _, c := range []struct {
		name string
		apis []*API
		want bool
	}{
		{"no NotificationsApi", []*API{api("usersapi", "", all...)}, false},
		{"every operation", []*API{api("usersapi", ""), api("notificationsapi", "", all...)}, true},
		{"one missing", []*API{api("notificationsapi", "", all[:len(all)-1]...)}, false},
		{"one removed from the spec", []*API{api("notificationsapi", notificationsOps[0], all...)}, false},
	} {
		if got := hasNotifications(&SDK{APIs: c.apis}); got != c.want {
			t.Errorf("%s: hasNotifications = %v, want %v", c.name, got, c.want)
		}
	}
}
