package mockapi

func (s *Server) carriers(*call) reply { return ok(catalogue) }

func (s *Server) detectCarrier(c *call) reply {
	o, err := parseObject(c.body)
	if err != nil {
		return fail(4012)
	}
	number, _ := o.text("tracking_number")
	if number == "" {
		return fail(4013)
	}
	if !s.meter("detect") {
		return fail(4021)
	}
	refs := detect(number)
	if refs == nil {
		return fail(4032)
	}
	return ok(refs)
}
