import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The headline of 供需对接: categories with local supply / categories with demand, as a percent
// with its numerator and denominator always shown, the gaps, and the demand it counts.
Pane {
    id: card
    required property var figure

    padding: 12
    background: Rectangle {
        radius: 6
        color: "#ffffff"
        border.color: "#d0d7e2"
    }

    // The pane's content item itself, so that the pane's implicit height is the column's at
    // the pane's width (a child anchored in it kept the height of its first, narrow layout,
    // and the pane stretched beside the chart on a desktop).
    contentItem: ColumnLayout {
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: qsTr("%1: %2").arg(card.figure.scope || "").arg(card.figure.label || "")
            wrapMode: Text.Wrap
            font.bold: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 12
            Label {
                objectName: "figureValue"
                text: card.figure.valueText || "—"
                font.pixelSize: AppLook.px(26)
                color: "#1a237e"
            }
            Label {
                objectName: "figureGaps"
                visible: card.figure.gaps > 0
                text: card.figure.gapsText || ""
                color: "#c62828"
                font.bold: true
                topPadding: AppLook.px(8)
            }
        }
        Label {
            objectName: "figureFraction"
            Layout.fillWidth: true
            text: card.figure.fractionText || ""
            wrapMode: Text.Wrap
            color: "#37474f"
        }
        Label {
            objectName: "figureDemand"
            Layout.fillWidth: true
            text: card.figure.hasEnterprises
                  ? qsTr("Planned: %1 enterprises, %2 units, %3")
                        .arg(card.figure.enterprises).arg(card.figure.units)
                        .arg(card.figure.investmentText)
                  : qsTr("Planned: %1 units, %2").arg(card.figure.units)
                        .arg(card.figure.investmentText)
            wrapMode: Text.Wrap
            color: "#555555"
        }
    }
}
