import { registry } from "@web/core/registry";

// On a phone, a salesperson prints a customer's profile from the gear menu of the customer's form and gets the file.
registry.category("web_tour.tours").add("crm_vn_reports_mobile_print_profile", {
    url: "/odoo/action-crm_vn_customer.res_partner_action_customer",
    steps: () => [
        {
            trigger: ".o_kanban_record:contains(Trịnh Thu Trang)",
            content: "Open the customer",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name]:contains(Trịnh Thu Trang), .o_form_view .o_field_widget[name=name] input",
            content: "Her profile",
        },
        {
            trigger: ".o_control_panel button:has(.fa-cog)",
            content: "The gear menu",
            run() {
                performance.setResourceTimingBufferSize(2000);
                this.anchor.click();
            },
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains(Hồ sơ khách hàng)",
            content: "Print the customer profile",
            run: "click",
        },
        {
            trigger: ".o_form_view",
            content: "the file was downloaded (the request is in the browser's resource timings once answered)",
            async run() {
                const downloaded = () =>
                    performance
                        .getEntriesByType("resource")
                        .some((entry) => entry.name.includes("/report/download") && entry.responseEnd > 0);
                for (let i = 0; i < 200 && !downloaded(); i++) {
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
                if (!downloaded()) {
                    throw new Error("the report was not downloaded");
                }
            },
        },
    ],
});
