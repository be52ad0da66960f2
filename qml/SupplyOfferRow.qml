import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A local product or provider that serves a county's demand in the 供需对接 drill-down: its
// kind, name, details (maker, model, efficiency, price; or the services), contact, and the
// marks 首台套 and 省级优秀服务商.
Pane {
    id: offer
    required property string kind
    required property string kindLabel
    required property string title
    required property string detail
    required property string contact
    required property bool excellent
    required property bool firstOfKind

    objectName: "offer_" + title
    padding: 12
    background: Rectangle {
        radius: 6
        color: "#f1f8e9"
        border.color: "#c5e1a5"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: offer.kindLabel
                color: "#ffffff"
                leftPadding: 6
                rightPadding: 6
                background: Rectangle { color: "#558b2f"; radius: 3 }
            }
            Label {
                text: offer.title
                font.bold: true
                wrapMode: Text.Wrap
                width: Math.min(implicitWidth, parent.width)
            }
            Label {
                visible: offer.firstOfKind
                text: qsTr("First of its kind")
                color: "#e65100"
            }
            Label {
                visible: offer.excellent
                text: qsTr("Province's excellent provider")
                color: "#e65100"
            }
        }
        Label {
            visible: offer.detail !== ""
            text: offer.detail
            wrapMode: Text.Wrap
            color: "#37474f"
            Layout.fillWidth: true
        }
        Label {
            visible: offer.contact !== ""
            text: qsTr("Contact: %1").arg(offer.contact)
            wrapMode: Text.Wrap
            color: "#555555"
            Layout.fillWidth: true
        }
    }
}
