import QtQuick
import QtCharts
import Gengxin.App

// The planned investment per equipment category (万元), largest first: the part that local
// products or providers serve in blue, the part with no local supply (缺口) in red.
ChartView {
    id: view
    required property var chart

    antialiasing: true
    legend.alignment: Qt.AlignBottom
    margins { left: 4; right: 4; top: 4; bottom: 4 }

    BarCategoryAxis {
        id: categoryAxis
        categories: view.chart.categories || []
        labelsFont.pixelSize: AppLook.px(11)
    }
    ValueAxis {
        id: valueAxis
        min: 0
        max: view.chart.max || 1
        tickCount: view.width < 500 ? 3 : 6
        labelFormat: "%.0f"
        labelsFont.pixelSize: AppLook.px(11)
        titleText: qsTr("Planned investment (10k yuan)")
        titleFont.pixelSize: AppLook.px(11)
    }
    HorizontalStackedBarSeries {
        axisY: categoryAxis
        axisX: valueAxis
        barWidth: 0.7
        BarSet {
            label: qsTr("Served by local supply")
            values: view.chart.supplied || []
            color: "#3f51b5"
        }
        BarSet {
            label: qsTr("Gap: no local supply")
            values: view.chart.gaps || []
            color: "#e53935"
        }
    }
}
