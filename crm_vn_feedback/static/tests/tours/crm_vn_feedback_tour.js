import { registry } from "@web/core/registry";

// On a phone, a customer-care agent logs a complaint called in by a customer who only gives their number.
registry.category("web_tour.tours").add("crm_vn_feedback_mobile_log_complaint", {
    url: "/odoo/action-crm_vn_feedback.crm_vn_feedback_action",
    steps: () => [
        {
            trigger: ".o_kanban_view",
            content: "The feedback as cards on a phone",
        },
        {
            trigger: ".o_control_panel .o-kanban-button-new",
            content: "Log a feedback",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            content: "What the customer says",
            run: "edit Máy lọc nước rò rỉ && click body",
        },
        {
            trigger: ".o_field_widget[name=partner_id] input",
            content: "Pick the customer",
            run: "click",
        },
        {
            trigger: ".modal .o_control_panel button:has(.fa-search)",
            content: "Open the search of the picker",
            run: "click",
        },
        {
            trigger: ".modal .o_searchview_input",
            content: "Search by the number the customer gave, as they said it",
            run: "edit 0983 111 222 && press Enter",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Trần Văn Cường)",
            content: "The customer is found by the number",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name=partner_id] input:value(Trần Văn Cường)",
            content: "The customer is set",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_saved, .o_form_readonly, .o_form_view:not(:has(.o_form_button_save:visible))",
            content: "Saved",
        },
    ],
});

// On a phone, a team leader escalates a complaint of their team that cannot wait.
registry.category("web_tour.tours").add("crm_vn_feedback_mobile_escalate", {
    url: "/odoo/action-crm_vn_feedback.crm_vn_feedback_action",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Điều hòa chảy nước)",
            content: "Open the team's complaint",
            run: "click",
        },
        {
            // On a phone the buttons of the form are in its gear menu.
            trigger: ".o_control_panel button:has(.fa-cog)",
            content: "The actions of the complaint",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu [name=action_escalate]",
            content: "Escalate",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            content: "Confirm",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view",
            content: "Escalated",
        },
    ],
});
