import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The review's verdict: a comment, the field it is pinned to, and approve / has issues /
// reject, with the refusal or the outcome below.
Pane {
    id: pane
    required property ReviewController controller

    padding: 12
    background: Rectangle {
        color: "#f5f7fa"
        border.color: "#d0d7e2"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            visible: pane.controller.field !== ""
            Label {
                objectName: "pinnedField"
                text: qsTr("Pinned to: %1").arg(pane.controller.fieldLabel)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ToolButton {
                text: "✕"
                implicitWidth: 48
                implicitHeight: 48
                onClicked: pane.controller.field = ""
            }
        }
        // Above the box rather than its placeholder, which is cut to one line (English, large
        // type).
        Label {
            text: qsTr("Comment (required for has issues and reject)")
            wrapMode: Text.Wrap
            opacity: 0.7
            Layout.fillWidth: true
        }
        TextArea {
            id: comment
            objectName: "commentField"
            wrapMode: TextEdit.Wrap
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(72, implicitHeight)
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Button {
                objectName: "approveButton"
                text: qsTr("Approve")
                enabled: !pane.controller.busy && pane.controller.found
                implicitHeight: 48
                onClicked: pane.controller.submit("approved", comment.text)
            }
            Button {
                objectName: "issuesButton"
                text: qsTr("Has issues")
                enabled: !pane.controller.busy && pane.controller.found
                implicitHeight: 48
                onClicked: pane.controller.submit("has_issues", comment.text)
            }
            Button {
                objectName: "rejectButton"
                text: qsTr("Reject")
                enabled: !pane.controller.busy && pane.controller.found
                implicitHeight: 48
                onClicked: pane.controller.submit("rejected", comment.text)
            }
            BusyIndicator {
                running: pane.controller.busy
                visible: running
                implicitHeight: 48
                implicitWidth: 48
            }
        }
        Label {
            objectName: "reviewMessage"
            visible: text !== ""
            text: pane.controller.error !== "" ? pane.controller.error : pane.controller.message
            color: pane.controller.error !== "" ? "#c62828" : "#2e7d32"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    Connections {
        target: pane.controller
        function onReviewed() { comment.text = "" }
    }
}
