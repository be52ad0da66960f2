import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// An enterprise found in the field that the registry lacks: USCC, name, region (an inspector's
// own), industry code and above-size. Validated as typed; stored with the USCC as its id.
Page {
    id: page
    objectName: "addEnterpriseScreen"
    title: qsTr("Add an enterprise")
    property alias draft: draft

    EnterpriseDraft {
        id: draft
        session: Session
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 32, 600)
            x: (parent.width - width) / 2
            y: 16
            spacing: 12

            LabeledField {
                label: draft.labels.uscc || qsTr("USCC")
                message: draft.errors.uscc || ""
                TextField {
                    objectName: "usccField"
                    placeholderText: "91331102MA2XXXXXXX"
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                    maximumLength: 18
                    onTextEdited: draft.uscc = text
                }
            }
            LabeledField {
                label: draft.labels.name || qsTr("Name")
                message: draft.errors.name || ""
                TextField {
                    objectName: "nameField"
                    onTextEdited: draft.name = text
                }
            }
            LabeledField {
                label: draft.labels.region || qsTr("Region")
                message: draft.errors.region || ""
                ComboBox {
                    objectName: "regionField"
                    enabled: !draft.regionFixed
                    model: draft.regions
                    textRole: "name"
                    valueRole: "code"
                    currentIndex: count > 0 ? indexOfValue(draft.region) : -1
                    onActivated: draft.region = currentValue
                }
            }
            LabeledField {
                label: draft.labels.industry_code || qsTr("Industry code")
                message: draft.errors.industry_code || ""
                TextField {
                    objectName: "industryField"
                    placeholderText: "3311"
                    inputMethodHints: Qt.ImhDigitsOnly
                    maximumLength: 4
                    onTextEdited: draft.industryCode = text
                }
            }
            Switch {
                objectName: "aboveSizeField"
                text: draft.labels.above_size || qsTr("Above designated size")
                checked: draft.aboveSize
                onToggled: draft.aboveSize = checked
                Layout.fillWidth: true
            }
            Label {
                visible: draft.error.length > 0
                text: draft.error
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "createButton"
                text: qsTr("Add")
                highlighted: true
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                onClicked: {
                    const uscc = draft.create()
                    if (uscc.length > 0)
                        page.StackView.view.replace(Qt.resolvedUrl("EnterpriseScreen.qml"), { uscc: uscc })
                }
            }
        }
    }
}
