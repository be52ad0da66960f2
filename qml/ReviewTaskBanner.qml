import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The office's review comment: on a field (comment only), or on top of the survey with its state
// and the field it is pinned to (a tap jumps there).
ItemDelegate {
    id: banner

    property string comment
    property string stateLabel
    property string fieldLabel
    // Offers "done" (the inspector has dealt with it).
    property bool canFinish: false

    signal finished()

    padding: 10
    background: Rectangle {
        color: Material.color(Material.Amber, Material.Shade100)
    }

    contentItem: ColumnLayout {
        spacing: 2
        Label {
            Layout.fillWidth: true
            visible: banner.stateLabel !== "" || banner.fieldLabel !== ""
            text: banner.fieldLabel !== "" ? qsTr("%1 · %2").arg(banner.stateLabel).arg(banner.fieldLabel)
                                           : banner.stateLabel
            font.bold: true
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Review: %1").arg(banner.comment)
                wrapMode: Text.Wrap
            }
            Button {
                objectName: "finishButton"
                visible: banner.canFinish
                flat: true
                text: qsTr("Done")
                onClicked: banner.finished()
            }
        }
    }
}
