import QtQuick
import QtCharts

// One indicator across the counties: a bar per county and the targets as a line.
ChartView {
    id: view
    required property var chart

    antialiasing: true
    legend.alignment: Qt.AlignBottom
    margins { left: 4; right: 4; top: 4; bottom: 4 }

    function fillTargets() {
        targetLine.clear()
        if (!view.chart.hasTarget)
            return
        for (let i = 0; i < view.chart.targets.length; ++i)
            targetLine.append(i, view.chart.targets[i])
    }
    onChartChanged: fillTargets()
    Component.onCompleted: fillTargets()

    BarCategoryAxis {
        id: countyAxis
        categories: view.chart.categories
        labelsAngle: view.width < 700 ? -90 : 0
        truncateLabels: false
        labelsFont.pixelSize: 11
    }
    ValueAxis {
        id: valueAxis
        min: 0
        max: view.chart.max
        tickCount: 6
        labelFormat: view.chart.unit === "%" ? "%.0f%%" : "%.0f"
        labelsFont.pixelSize: 11
    }
    BarSeries {
        axisX: countyAxis
        axisY: valueAxis
        BarSet {
            label: qsTr("Value")
            values: view.chart.values
            color: "#3f51b5"
        }
    }
    LineSeries {
        id: targetLine
        name: qsTr("Target")
        visible: view.chart.hasTarget
        axisX: countyAxis
        axisY: valueAxis
        color: "#e53935"
        width: 2
    }
}
