import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One figure as a card: label, value, target, met badge or the gap. A tap shows the
// numerator and denominator (or why the value is missing).
Pane {
    id: card
    required property var figure
    property bool expanded: false

    padding: 12
    background: Rectangle {
        radius: 6
        color: card.expanded ? "#eef3fb" : "#ffffff"
        border.color: "#d0d7e2"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: card.figure.label
            wrapMode: Text.Wrap
            font.bold: true
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "valueText"
                text: card.figure.valueText
                font.pixelSize: AppLook.px(26)
                color: card.figure.met === "missed" ? "#c62828" : "#1a237e"
            }
            MetBadge {
                figure: card.figure
                width: Math.min(implicitWidth, parent.width)
            }
        }
        Label {
            Layout.fillWidth: true
            text: card.figure.hasTarget ? qsTr("Target %1").arg(card.figure.targetText)
                                        : qsTr("No target")
            color: "#555555"
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "fractionText"
            Layout.fillWidth: true
            visible: card.expanded
            text: card.figure.hasValue ? card.figure.fractionText
                                       : card.figure.nullReason + " (" + card.figure.fractionText + ")"
            wrapMode: Text.Wrap
            color: "#37474f"
        }
        Label {
            Layout.fillWidth: true
            visible: !card.expanded
            text: qsTr("Tap for numerator and denominator")
            font.pixelSize: AppLook.px(11)
            color: "#90a4ae"
            wrapMode: Text.Wrap
        }
    }

    TapHandler {
        onTapped: card.expanded = !card.expanded
    }
}
