import { registry } from "@web/core/registry";

/**
 * The o-spreadsheet model of the dashboard on screen: the environment of the spreadsheet's own components, found in
 * the web client's component tree (desktop and phone layouts alike).
 */
function dashboardModel() {
    const nodes = [odoo.__WOWL_DEBUG__.root.__owl__];
    while (nodes.length) {
        const node = nodes.pop();
        const model = node.component.env?.model;
        if (model?.getters?.getChartRuntime) {
            return model;
        }
        nodes.push(...Object.values(node.children));
    }
    throw new Error("No spreadsheet on the page");
}

/**
 * What the reader sees once every figure has loaded: the name of the dashboard, each scorecard's value and comparison
 * as o-spreadsheet draws them (the scorecard's runtime), and the labels of each chart's value axis as Chart.js draws
 * them (the chart instance of each canvas), each figure under its title in the spreadsheet's source (English: the
 * words of the translation may change, the figures may not). Logged for the Python test, which compares them with
 * figures written by hand.
 */
async function logFigures() {
    const model = dashboardModel();
    const { waitForDataLoaded } = odoo.loader.modules.get("@spreadsheet/helpers/model");
    await waitForDataLoaded(model);
    // the charts draw on the next frames
    for (let frame = 0; frame < 3; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const getters = model.getters;
    const scorecards = {};
    const sources = {}; // translated chart title: source title
    for (const figure of getters.getFigures(getters.getActiveSheetId())) {
        const definition = getters.getChartDefinition(figure.id);
        const runtime = getters.getChartRuntime(figure.id);
        if (definition?.type === "scorecard") {
            scorecards[definition.title.text] = [runtime.keyValue, runtime.baselineDisplay];
        } else if (runtime?.chartJsConfig) {
            sources[runtime.chartJsConfig.options.plugins.title.text] = definition.title.text;
        }
    }
    const axes = {};
    for (const canvas of document.querySelectorAll(".o_content canvas")) {
        const chart = window.Chart.getChart(canvas);
        if (chart?.scales?.y) {
            const title = chart.options.plugins.title.text;
            axes[sources[title] ?? title] = chart.scales.y.ticks.map((tick) => tick.label);
        }
    }
    const dashboard = document.querySelector(
        ".o_search_panel_category_value.active .o_dashboard_name, .o_search_panel_current_selection"
    ).textContent.trim();
    // the text apart from the format string: a "%" in a figure is not a placeholder of console.log
    console.log("crm_vn_dashboard figures", JSON.stringify({ dashboard, scorecards, axes }));
}

// A salesperson logs in on a phone: their dashboard is what they see, as figures (six key figures and four charts);
// the figures are logged for the test.
registry.category("web_tour.tours").add("crm_vn_dashboard_salesperson_figures", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_mobile_dashboard .o_search_panel_current_selection",
            content: "A dashboard is open",
        },
        {
            trigger: ".o_mobile_dashboard:not(:has(.dashboard-loading-status))",
            content: "loaded without error",
        },
        {
            trigger: ".o_mobile_dashboard:has(canvas.o-scorecard:eq(5)):has(.o-chart-container:eq(9))",
            content: "six key figures and four charts",
            run: logFigures,
        },
    ],
});

// A sales manager logs in: the dashboard they see first and its figures are logged for the test.
registry.category("web_tour.tours").add("crm_vn_dashboard_manager_figures", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_spreadsheet_dashboard_action .o_search_panel_category_value.active",
            content: "A dashboard is open",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action .o_renderer canvas.o-scorecard",
            content: "its figures are drawn",
            run: logFigures,
        },
    ],
});
