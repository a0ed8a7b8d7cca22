package mockapi

func (a *account) carriers(*call) reply { return ok(catalogue) }

func (a *account) detectCarrier(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	number, _ := o.text("tracking_number")
	if number == "" {
		return fail(4013)
	}
	if !a.meter("detect") {
		return fail(4021)
	}
	refs := detect(number)
	if refs == nil {
		return fail(4032)
	}
	return ok(refs)
}
