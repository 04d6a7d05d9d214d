import { Component } from "@odoo/owl";
import { serializeDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The warning of the customer form: each likely duplicate with a way out that does not save the customer being
 * typed. A customer the user may read opens in a dialog; another salesperson's is asked for through the quick
 * check (a hand-over request to its owner), filled with what was typed.
 */
export class DuplicateWarningField extends Component {
    static template = "crm_vn_dedupe.DuplicateWarningField";
    static props = { ...standardFieldProps };

    setup() {
        this.action = useService("action");
    }

    get candidates() {
        return this.props.record.data[this.props.name] || [];
    }

    openCustomer(candidate) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: candidate.name,
            res_model: "res.partner",
            res_id: candidate.id,
            views: [[false, "form"]],
            target: "new",
        });
    }

    /**
     * Ask the owner through the quick check (a dialog) filled with what was typed; when the dialog closes (the
     * request sent, or cancelled), the customer being typed is thrown away and the user goes back where they came
     * from: it is never saved behind their back.
     */
    askHandover() {
        const record = this.props.record;
        const data = record.data;
        this.action.doAction("crm_vn_dedupe.crm_vn_customer_check_action", {
            additionalContext: {
                default_name: data.name || "",
                default_mobile: data.mobile || data.phone || false,
                default_email: data.email || false,
                default_birthdate_date: data.birthdate_date ? serializeDate(data.birthdate_date) : false,
            },
            onClose: async () => {
                await record.discard();
                if (record.isNew && this.env.config?.historyBack) {
                    this.env.config.historyBack();
                }
            },
        });
    }
}

export const duplicateWarningField = {
    component: DuplicateWarningField,
    supportedTypes: ["json"],
};

registry.category("fields").add("vn_duplicate_warning", duplicateWarningField);
