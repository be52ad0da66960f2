import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// The enterprises of a region (default: the user's) with their survey state for the period:
// search by name or USCC, filter by state, badges for review tasks and conflicts. Inspectors
// can add an enterprise the registry lacks.
Page {
    id: page
    objectName: "enterpriseListScreen"
    property string region: Session.region
    property alias model: enterprises
    title: Session.role === "enterprise" ? qsTr("My enterprise")
         : region.length > 0 ? qsTr("Enterprises · %1").arg(Session.regionName || region)
                             : qsTr("Enterprises")

    EnterpriseListModel {
        id: enterprises
        session: Session
        region: page.region
        search: searchField.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillWidth: true
            padding: 8
            ColumnLayout {
                width: parent.width
                spacing: 4
                TextField {
                    id: searchField
                    objectName: "searchField"
                    placeholderText: qsTr("Search by name or USCC")
                    inputMethodHints: Qt.ImhNoPredictiveText
                    Layout.fillWidth: true
                }
                Flow {
                    spacing: 6
                    Layout.fillWidth: true
                    Repeater {
                        model: [
                            { key: "any", label: qsTr("All") },
                            { key: "not_started", label: qsTr("Not started") },
                            { key: "draft", label: qsTr("Draft") },
                            { key: "submitted", label: qsTr("Submitted") }
                        ]
                        delegate: Button {
                            required property var modelData
                            objectName: "filter_" + modelData.key
                            text: modelData.label
                            flat: enterprises.filter !== modelData.key
                            highlighted: enterprises.filter === modelData.key
                            checkable: false
                            onClicked: enterprises.filter = modelData.key
                        }
                    }
                }
                Label {
                    text: qsTr("%n enterprise(s), survey year %1", "", enterprises.count).arg(Session.period)
                    opacity: 0.6
                    font.pixelSize: AppLook.px(12)
                }
            }
        }

        ListView {
            id: list
            objectName: "enterpriseList"
            model: enterprises
            clip: true
            reuseItems: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            // Room under the last line, so that the add button never hides it.
            footer: Item {
                width: 1
                height: Session.role === "inspector" || Session.role === "admin" ? 88 : 0
            }
            delegate: EnterpriseDelegate {
                onClicked: page.StackView.view.push(Qt.resolvedUrl("EnterpriseScreen.qml"), { uscc: uscc })
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 48
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                opacity: 0.6
                text: searchField.text.length > 0 || enterprises.filter !== "any"
                      ? qsTr("No enterprise matches.")
                      : qsTr("No enterprises on this device yet. Sync to receive your region's.")
            }
        }
    }

    RoundButton {
        objectName: "addEnterpriseButton"
        visible: Session.role === "inspector" || Session.role === "admin"
        text: "+"
        font.pixelSize: AppLook.px(28)
        highlighted: true
        width: 64
        height: 64
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 16
        onClicked: page.StackView.view.push(Qt.resolvedUrl("AddEnterpriseScreen.qml"))
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Add an enterprise")
    }
}
