import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The office sets one period's targets per region and indicator (TargetsModel: GET and PUT
// /api/v1/targets), each beside the annex's 2024 target. Edits are held until Save sends them
// all at once; a refusal names the county and indicator and the list moves to its row.
Page {
    id: page
    property alias targets: targets
    /** The year whose targets are set; 0 follows the session's period. */
    property alias period: targets.period
    signal targetsSaved()

    title: qsTr("Targets")

    TargetsModel {
        id: targets
        session: Session
        onSaved: (ok) => { if (ok) page.targetsSaved() }
        onErrorChanged: if (errorRow >= 0) list.positionViewAtIndex(errorRow, ListView.Center)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Flow {
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 0
            spacing: 8

            SpinBox {
                objectName: "periodSpin"
                from: 2000
                to: 2100
                value: targets.period
                editable: true
                // Another year only once the edits are saved or undone (they are this year's).
                enabled: targets.changeCount === 0 && !targets.saving
                textFromValue: (value) => value.toString()
                valueFromText: (text) => parseInt(text)
                onValueModified: targets.period = value
                implicitHeight: 48
            }
            Button {
                objectName: "saveButton"
                text: targets.saving ? qsTr("Saving…") : qsTr("Save (%1)").arg(targets.changeCount)
                highlighted: true
                enabled: targets.changeCount > 0 && !targets.saving && !targets.loading
                onClicked: targets.save()
                implicitHeight: 48
            }
            Button {
                objectName: "revertButton"
                text: qsTr("Undo changes")
                enabled: targets.changeCount > 0 && !targets.saving
                onClicked: targets.revert()
                implicitHeight: 48
            }
        }
        Label {
            text: qsTr("Targets of %1. Rates as a percent (95 = 95%), counts as whole numbers; an empty box removes the target. Beside each, the %2 annex's target.").arg(targets.period).arg(targets.referencePeriod)
            wrapMode: Text.Wrap
            color: "#555555"
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
        }
        BusyIndicator {
            running: targets.loading || targets.saving
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "errorText"
            visible: targets.error !== ""
            text: targets.error
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
        }
        Label {
            objectName: "savedMessage"
            visible: targets.message !== ""
            text: targets.message
            color: "#2e7d32"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 12
        }
        ListView {
            id: list
            objectName: "targetList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: targets
            spacing: 2
            ScrollBar.vertical: ScrollBar {}
            section.property: "regionName"
            section.delegate: SectionTitle {
                required property string section
                text: section
                width: ListView.view.width - 24
                x: 12
            }
            delegate: TargetRow {
                width: ListView.view.width
                referencePeriod: targets.referencePeriod
                onInputEdited: (row, text) => targets.setInput(row, text)
            }
        }
    }
}
