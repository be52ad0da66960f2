import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A county in the dashboard's table: its name, registry and surveyed counts, and the key
// figures coloured by met (green) or missed (red). Tapping it opens the county.
ItemDelegate {
    id: row
    background: RowBackground { pressed: row.down; hovered: row.hovered }
    required property string region
    required property string name
    required property int registry
    required property int surveyed
    required property var keyFigures
    signal opened(string region)

    objectName: "county_" + region
    onClicked: row.opened(row.region)

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: row.name
                font.bold: true
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                text: qsTr("%1 of %2 surveyed").arg(row.surveyed).arg(row.registry)
                color: "#555555"
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 12
            Repeater {
                model: row.keyFigures
                delegate: Label {
                    id: figureLabel
                    required property var modelData
                    text: modelData.label + " " + modelData.valueText
                    color: modelData.met === "met" ? "#2e7d32"
                         : modelData.met === "missed" ? "#c62828" : "#37474f"
                    font.pixelSize: AppLook.px(13)
                    wrapMode: Text.Wrap
                    width: Math.min(implicitWidth, row.availableWidth)
                    // The numerator and denominator (or why the value is missing) on hover.
                    HoverHandler { id: hover }
                    ToolTip.visible: hover.hovered
                    ToolTip.text: modelData.hasValue ? modelData.fractionText : modelData.nullReason
                }
            }
        }
    }
}
