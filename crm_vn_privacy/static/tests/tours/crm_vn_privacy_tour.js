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

// On a phone, the sales manager checks who asked, prepares the export of a customer's data and marks the request
// as answered.
registry.category("web_tour.tours").add("crm_vn_privacy_mobile_answer_request", {
    url: "/odoo/action-crm_vn_privacy.crm_vn_data_request_action",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Đỗ Thu Hà):contains(Trả lời trước)",
            content: "Open the request: a card with its customer and the day to answer by",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=identity_verified] input",
            content: "Her identity was checked (citizen card)",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_control_panel button:has(.fa-cog)",
            content: "The actions of the request",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu [name=action_export_personal_data]",
            content: "Prepare the export of her data",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=export_attachment_id]:contains(.json)",
            content: "The file is attached",
        },
        {
            trigger: ".o_control_panel button:has(.fa-cog)",
            content: "The actions of the request",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu [name=action_answer]",
            content: "She was sent her data: answered",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=date_answered]",
            content: "Answered today",
        },
    ],
});
