def post_init_hook(env):
    """Write the public holidays of this year and the next into the time off of the Vietnamese companies."""
    env["res.company"].search([("partner_id.country_id.code", "=", "VN")])._l10n_vn_write_public_holidays()
