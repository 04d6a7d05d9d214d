/** @odoo-module */

import * as spreadsheet from "@odoo/o-spreadsheet";
import "@spreadsheet/chart/odoo_chart/odoo_bar_chart";

const { chartRegistry } = spreadsheet.registries;

/**
 * A bar chart that counts records (customers, feedback) has whole numbers on its value axis: no "0.5 customer".
 */
const bar = chartRegistry.get("odoo_bar");
chartRegistry.add("odoo_bar", {
    ...bar,
    getChartRuntime(chart, getters) {
        const runtime = bar.getChartRuntime(chart, getters);
        const measure = chart.getDefinition().metaData?.measure;
        const scales = runtime.chartJsConfig?.options?.scales || {};
        if (measure === "__count") {
            for (const axis of [scales.y, scales.x]) {
                if (axis?.beginAtZero) {
                    axis.ticks = { ...axis.ticks, precision: 0 };
                }
            }
        }
        return runtime;
    },
});
