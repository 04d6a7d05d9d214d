import { patch } from "@web/core/utils/patch";
import { session } from "@web/session";
import { PartnerAutoCompleteCharField } from "@partner_autocomplete/js/partner_autocomplete_fieldchar";
import { PartnerMany2XAutocomplete } from "@partner_autocomplete/js/partner_autocomplete_many2one";

/**
 * Odoo's partner autocomplete sends what a user types in a customer field to Odoo's IAP service and to Clearbit on
 * the internet. Off unless an administrator turned it on (Settings > CRM > Company Autocomplete): the fields then
 * search Odoo's own customers only.
 */
const enabled = () => Boolean(session.crm_vn_partner_autocomplete);

patch(PartnerMany2XAutocomplete.prototype, {
    validateSearchTerm(request) {
        return enabled() && super.validateSearchTerm(request);
    },
});

patch(PartnerAutoCompleteCharField.prototype, {
    async validateSearchTerm(request) {
        return enabled() && super.validateSearchTerm(request);
    },
});
