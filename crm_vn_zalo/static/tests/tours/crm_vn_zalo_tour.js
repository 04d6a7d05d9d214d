import { registry } from "@web/core/registry";

// On a phone, a salesperson sends a customer a ZNS thank-you from the customer's form: the template chosen in the
// picker, the preview shows the customer's name as it will be sent, and the message is queued.
registry.category("web_tour.tours").add("crm_vn_zalo_mobile_send", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Nguyễn Thu Hà)",
            content: "Open the customer",
            run: "click",
        },
        {
            trigger: ".o_control_panel button:has(.fa-cog)",
            content: "The gear menu",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains(Gửi Zalo)",
            content: "Send Zalo",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=template_id] input",
            content: "Choose the template",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Cảm ơn khách hàng)",
            content: "The thank-you template",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=preview] td:contains(Nguyễn Thu Hà)",
            content: "The preview shows the customer's name",
        },
        {
            trigger: ".modal button[name=action_send]",
            content: "Send",
            run: "click",
        },
        {
            trigger: ".o_notification .bg-success, .o_notification_bar.bg-success",
            content: "Queued",
        },
    ],
});

// On a phone, a salesperson files a feedback from a customer's Zalo message: the dialog shows the message; closing
// it and leaving the customer files nothing; confirming files one feedback. A customer who never wrote on Zalo has no
// such button.
registry.category("web_tour.tours").add("crm_vn_zalo_mobile_feedback_from_message", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Lê Văn Chưa Nhắn)",
            content: "A customer who never wrote on Zalo",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name=action_zalo_to_feedback]))",
            content: "No Zalo feedback button",
        },
        {
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item a, .o_back_button",
            content: "Back",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains(Nguyễn Thu Hà)",
            content: "The customer who wrote on Zalo",
            run: "click",
        },
        {
            trigger: "button[name=action_zalo_to_feedback]",
            content: "Feedback from her Zalo message",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=message]:contains(không ra nước)",
            content: "Her message is shown",
        },
        {
            trigger: ".modal .modal-footer button.btn-secondary",
            content: "Changed my mind",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_breadcrumb .o_back_button a, body:not(:has(.modal)) .o_back_button, body:not(:has(.modal)) .o_breadcrumb .breadcrumb-item a",
            content: "Leave the customer",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains(Nguyễn Thu Hà)",
            content: "Open her again",
            run: "click",
        },
        {
            trigger: "button[name=action_zalo_to_feedback]",
            content: "Feedback from her Zalo message, for real this time",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_create_feedback]",
            content: "Create the feedback",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=reference]:contains(PH)",
            content: "The feedback, filed",
        },
    ],
});
