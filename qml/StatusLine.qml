import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// The line under every screen: the sync state, what waits to be sent, and a way to the sync
// screen. Tapping it opens the sync screen.
ToolBar {
    id: line
    signal openSync()
    property alias controller: sync

    Material.background: "#eceff1"
    Material.foreground: "#263238"

    SyncController {
        id: sync
        session: Session
    }

    contentItem: ItemDelegate {
        objectName: "statusLine"
        implicitHeight: 48
        onClicked: line.openSync()
        contentItem: RowLayout {
            spacing: 8
            Rectangle {
                width: 10
                height: 10
                radius: 5
                color: sync.state === "idle" ? "#2e7d32"
                     : sync.state === "syncing" ? "#1565c0"
                     : sync.state === "waiting_for_network" ? "#ef6c00" : "#c62828"
            }
            Label {
                objectName: "statusSummary"
                text: Session.offline && sync.state !== "syncing"
                      ? qsTr("Offline. %1").arg(sync.summary) : sync.summary
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Badge {
                objectName: "pendingBadge"
                count: sync.pending
                fill: "#1565c0"
                ToolTip.visible: hovered
                ToolTip.text: qsTr("%n change(s) waiting to be sent", "", sync.pending)
            }
            Badge {
                count: sync.rejected
                fill: "#c62828"
            }
        }
    }
}
