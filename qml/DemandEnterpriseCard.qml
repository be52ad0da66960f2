import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One enterprise of the 供需对接 drill-down: its name and USCC, the units and planned
// investment it plans in the category, and each planned row (name, model, quantity, year,
// investment).
Pane {
    id: card
    required property string uscc
    required property string name
    required property int units
    required property string investmentText
    required property var rows

    objectName: "demand_" + uscc
    padding: 12
    background: Rectangle {
        radius: 6
        color: "#ffffff"
        border.color: "#d0d7e2"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4
        Label {
            text: card.name
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: card.uscc
            color: "#555555"
            font.pixelSize: AppLook.px(12)
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("%1 units, %2").arg(card.units).arg(card.investmentText)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: card.rows
            delegate: Label {
                required property var modelData
                text: "· " + qsTr("%1 %2 × %3, %4, %5").arg(modelData.name).arg(modelData.model)
                          .arg(modelData.quantity).arg(modelData.yearText)
                          .arg(modelData.investmentText)
                color: "#37474f"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
