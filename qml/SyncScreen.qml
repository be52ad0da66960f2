import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// Sync: what waits to be sent, progress while syncing, the last success, a readable reason when
// it fails, and the records the server refused with their reason: tap one to fix and resend it.
Page {
    id: page
    objectName: "syncScreen"
    title: qsTr("Sync")
    property alias controller: sync

    SyncController {
        id: sync
        session: Session
    }
    RejectedModel {
        id: rejected
        session: Session
    }

    ListView {
        id: list
        objectName: "rejectedList"
        anchors.fill: parent
        clip: true
        model: rejected
        ScrollBar.vertical: ScrollBar {}

        header: ColumnLayout {
            width: Math.min(list.width, 720)
            x: (list.width - width) / 2
            spacing: 10

            Pane {
                Layout.fillWidth: true
                ColumnLayout {
                    width: parent.width
                    spacing: 10
                    Label {
                        objectName: "syncSummary"
                        text: sync.summary
                        font.pixelSize: AppLook.px(18)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    ProgressBar {
                        visible: sync.syncing
                        indeterminate: sync.progressTotal === 0
                        from: 0
                        to: Math.max(1, sync.progressTotal)
                        value: sync.progressDone
                        Layout.fillWidth: true
                    }
                    Label {
                        objectName: "syncReason"
                        visible: sync.reason.length > 0 && sync.state !== "idle"
                        text: qsTr("Reason: %1").arg(sync.reason)
                        color: "#c62828"
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("Last successful sync: %1").arg(sync.lastSuccessText)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    GridLayout {
                        columns: 2
                        columnSpacing: 16
                        Layout.fillWidth: true
                        Label { text: qsTr("Changes waiting to be sent"); Layout.fillWidth: true; wrapMode: Text.Wrap }
                        Label { objectName: "pendingCount"; text: sync.pending; font.bold: true }
                        Label { text: qsTr("Refused by the server"); Layout.fillWidth: true; wrapMode: Text.Wrap }
                        Label { text: sync.rejected; font.bold: true; color: sync.rejected > 0 ? "#c62828" : "#212121" }
                        Label { text: qsTr("Conflicts to look at"); Layout.fillWidth: true; wrapMode: Text.Wrap }
                        Label { text: sync.conflicts; font.bold: true }
                        Label { text: qsTr("Review tasks from the office"); Layout.fillWidth: true; wrapMode: Text.Wrap }
                        Label { objectName: "reviewTaskCount"; text: sync.reviewTasks; font.bold: true }
                    }
                    Button {
                        objectName: "syncNowButton"
                        text: sync.syncing ? qsTr("Syncing…") : qsTr("Sync now")
                        enabled: !sync.syncing
                        highlighted: true
                        Layout.fillWidth: true
                        Layout.preferredHeight: 52
                        onClicked: sync.syncNow()
                    }
                }
            }
            Label {
                visible: rejected.count > 0
                text: qsTr("Refused by the server: tap to fix and send again")
                font.bold: true
                wrapMode: Text.Wrap
                leftPadding: 16
                rightPadding: 16
                Layout.fillWidth: true
            }
        }

        footer: Label {
            visible: rejected.count === 0
            width: list.width
            padding: 16
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            opacity: 0.6
            text: qsTr("The server refused nothing.")
        }

        delegate: ItemDelegate {
            id: row
            required property string title
            required property string entityLabel
            required property string message
            required property string fieldLabel
            required property string screen
            required property var screenProperties
            width: Math.min(ListView.view.width, 720)
            x: (ListView.view.width - width) / 2
            onClicked: page.StackView.view.push(Qt.resolvedUrl(screen), screenProperties)
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    text: row.entityLabel + " · " + row.title
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: row.fieldLabel.length > 0 ? row.fieldLabel + ": " + row.message : row.message
                    color: "#c62828"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
    }
}
