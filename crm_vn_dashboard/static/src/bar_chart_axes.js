/** @odoo-module */

import * as spreadsheet from "@odoo/o-spreadsheet";
import "@spreadsheet/chart/odoo_chart/odoo_bar_chart";

const { chartRegistry } = spreadsheet.registries;

/**
 * The value axis of a bar chart reads like the rest of the spreadsheet:
 * - numbers in the spreadsheet's locale (the user's language): "25.000.000" in Vietnamese, where Odoo leaves
 *   Chart.js's American "25,000,000" beside scorecards that say "67.660.000 ₫";
 * - a chart that counts records (customers, feedback) has whole numbers: no "0.5 customer".
 */
const bar = chartRegistry.get("odoo_bar");
chartRegistry.add("odoo_bar", {
    ...bar,
    getChartRuntime(chart, getters) {
        const runtime = bar.getChartRuntime(chart, getters);
        const options = runtime.chartJsConfig?.options;
        if (!options) {
            return runtime;
        }
        const locale = getters.getLocale();
        if (locale?.code) {
            // Chart.js formats ticks with Intl.NumberFormat in options.locale (a BCP 47 tag).
            options.locale = locale.code.replace("_", "-");
        }
        const scales = options.scales || {};
        if (chart.getDefinition().metaData?.measure === "__count") {
            for (const axis of [scales.y, scales.x]) {
                if (axis?.beginAtZero) {
                    axis.ticks = { ...axis.ticks, precision: 0 };
                }
            }
        }
        return runtime;
    },
});
