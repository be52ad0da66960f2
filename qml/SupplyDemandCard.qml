import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A county and equipment category of 供需对接 on a phone: the category and county, the demand
// (enterprises, units, planned investment), the local products and providers, and 缺口 in red
// when there is demand and no local supply. Tapping it opens the drill-down.
ItemDelegate {
    id: row
    background: RowBackground { pressed: row.down; hovered: row.hovered }
    required property int index
    required property string region
    required property string regionName
    required property string category
    required property string categoryLabel
    required property int enterprises
    required property int units
    required property string investmentText
    required property int products
    required property int providers
    required property bool gap
    required property bool hasDemand
    signal opened(int index)

    objectName: "match_" + region + "_" + category
    onClicked: row.opened(row.index)

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: row.categoryLabel
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "gapMark"
                visible: row.gap
                text: qsTr("Gap")
                color: "#ffffff"
                font.bold: true
                leftPadding: 6
                rightPadding: 6
                background: Rectangle { color: "#c62828"; radius: 3 }
            }
        }
        Label {
            text: row.regionName
            color: "#555555"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: row.hasDemand
                  ? qsTr("Demand: %1 enterprises, %2 units, %3").arg(row.enterprises)
                        .arg(row.units).arg(row.investmentText)
                  : qsTr("No planned renewals")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: row.gap ? "#c62828" : "#2e7d32"
            text: qsTr("Local supply: %1 products, %2 providers").arg(row.products)
                      .arg(row.providers)
        }
    }
}
