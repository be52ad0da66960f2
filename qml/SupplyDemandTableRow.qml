import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A county and equipment category of 供需对接 as a line of the desktop's table (columns as
// SupplyDemandTableHeader's): county, category, enterprises, units, planned investment, local
// products, providers and 缺口 in red. Tapping a line opens the drill-down.
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

    // One share of the width: the columns take 3, 6, 2, 2, 3, 2, 2 and 2 shares.
    readonly property real unit: Math.max(0, availableWidth - 7 * 8) / 22

    contentItem: RowLayout {
        spacing: 8
        Label {
            text: row.regionName
            elide: Text.ElideRight
            Layout.preferredWidth: row.unit * 3
        }
        Label {
            text: row.categoryLabel
            font.bold: true
            wrapMode: Text.Wrap
            Layout.preferredWidth: row.unit * 6
        }
        Repeater {
            model: [row.hasDemand ? row.enterprises : "—", row.hasDemand ? row.units : "—",
                    row.hasDemand ? row.investmentText : "—", row.products, row.providers]
            delegate: Label {
                required property var modelData
                required property int index
                text: modelData
                horizontalAlignment: Text.AlignRight
                wrapMode: Text.Wrap
                Layout.preferredWidth: row.unit * (index === 2 ? 3 : 2)
            }
        }
        Item {
            Layout.preferredWidth: row.unit * 2
            implicitHeight: gapLabel.implicitHeight
            Label {
                id: gapLabel
                objectName: "gapMark"
                anchors.centerIn: parent
                visible: row.gap
                text: qsTr("Gap")
                color: "#ffffff"
                font.bold: true
                leftPadding: 6
                rightPadding: 6
                background: Rectangle { color: "#c62828"; radius: 3 }
            }
        }
    }
}
