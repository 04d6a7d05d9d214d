import { registry } from "@web/core/registry";

// On a phone, a salesperson records that a customer agreed, in person, to receive promotions by SMS.
registry.category("web_tour.tours").add("crm_vn_privacy_mobile_record_consent", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Đỗ Thu Hà)",
            content: "Open the customer",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name=action_view_consents]",
            content: "Her consent records, from the profile",
            run: "click",
        },
        {
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            content: "Record a consent",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=purpose] select",
            content: "For marketing",
            run: 'select "marketing"',
        },
        {
            trigger: ".o_field_widget[name=channel] select",
            content: "By SMS",
            run: 'select "sms"',
        },
        {
            trigger: ".o_field_widget[name=state] input[data-value=given]",
            content: "She agreed",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=method] select",
            content: "In person",
            run: 'select "in_person"',
        },
        {
            trigger: ".o_field_widget[name=notice] textarea",
            content: "Her words",
            run: "edit Tôi đồng ý nhận tin khuyến mãi qua SMS. && click body",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_saved, .o_form_readonly, .o_form_view:not(:has(.o_form_button_save:visible))",
            content: "Recorded",
        },
    ],
});
