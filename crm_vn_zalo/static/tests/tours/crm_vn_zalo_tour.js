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
