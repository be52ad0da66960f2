import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A value that lost a merge on the server, beside the one that was kept, and who wrote it.
Pane {
    id: card

    property var conflict: ({})

    signal dismissed()

    padding: 10
    Material.background: Material.color(Material.DeepOrange, Material.Shade50)
    Material.elevation: 0

    contentItem: ColumnLayout {
        spacing: 2
        Label {
            Layout.fillWidth: true
            text: qsTr("Edited on two devices")
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Kept: %1").arg(card.conflict.kept || qsTr("(empty)"))
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Not kept: %1 (written by %2%3)")
                    .arg(card.conflict.lost || qsTr("(empty)"))
                    .arg(card.conflict.lostIsMine ? qsTr("you") : (card.conflict.lostBy || qsTr("another device")))
                    .arg(card.conflict.when ? qsTr(", %1").arg(card.conflict.when) : "")
            wrapMode: Text.Wrap
        }
        Button {
            Layout.alignment: Qt.AlignRight
            flat: true
            text: qsTr("Got it")
            onClicked: card.dismissed()
        }
    }
}
