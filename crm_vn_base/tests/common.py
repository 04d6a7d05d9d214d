"""Test helpers shared by the suite's add-ons (import them as ``odoo.addons.crm_vn_base.tests.common``)."""
