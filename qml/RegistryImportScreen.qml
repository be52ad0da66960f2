import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Gengxin.App

// The statistics bureau's registry from the office's app (RegistryImportController: POST
// /api/v1/registry). A CSV file or an Excel workbook is chosen (or its path typed), checked by a
// dry run that writes nothing (the counts new / changed / unchanged, or each bad row with its
// line, column and reason), and imported, whole or not at all, once the clerk confirms.
Page {
    id: page
    property alias importer: importer
    /** A file to check as soon as the screen opens (screenshots). */
    property url file

    title: qsTr("Import the registry")

    RegistryImportController {
        id: importer
        session: Session
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose the registry file")
        nameFilters: [qsTr("Registry files (*.csv *.xlsx)"), qsTr("All files (*)")]
        onAccepted: {
            pathField.text = importer.pathOf(selectedFile)
            importer.preview(selectedFile)
        }
    }

    readonly property bool previewed: importer.state === RegistryImportController.Previewed
    readonly property bool imported: importer.state === RegistryImportController.Imported

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        Label {
            text: qsTr("The statistics bureau's list of enterprises, as a CSV file or an Excel workbook (.xlsx) whose first row is uscc, name, region, industry_code, above_size. The file is checked first, which changes nothing; import it once the check finds no problem. A file with any bad row is not imported at all.")
            wrapMode: Text.Wrap
            color: "#555555"
            Layout.fillWidth: true
        }
        TextField {
            id: pathField
            objectName: "pathField"
            placeholderText: qsTr("Path of the file, or choose it")
            selectByMouse: true
            enabled: !importer.busy
            Layout.fillWidth: true
            onAccepted: importer.previewPath(text)
        }
        Flow {
            spacing: 8
            Layout.fillWidth: true
            Button {
                objectName: "chooseButton"
                text: qsTr("Choose file…")
                enabled: !importer.busy
                onClicked: fileDialog.open()
            }
            Button {
                objectName: "checkButton"
                text: qsTr("Check")
                enabled: !importer.busy && pathField.text !== ""
                onClicked: importer.previewPath(pathField.text)
            }
        }
        BusyIndicator {
            running: importer.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "errorText"
            visible: importer.error !== ""
            text: importer.error
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Pane {
            objectName: "summary"
            visible: page.previewed || page.imported
            Layout.fillWidth: true
            padding: 12
            background: Rectangle {
                radius: 6
                color: page.imported ? "#e8f5e9" : "#eef3fb"
                border.color: "#d0d7e2"
            }
            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 8
                Label {
                    text: (page.imported ? qsTr("Imported: %1 (%2)") : qsTr("Checked: %1 (%2)"))
                          .arg(importer.fileName).arg(importer.fileKind)
                    font.bold: true
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
                Flow {
                    spacing: 8
                    Layout.fillWidth: true
                    RegistryCount {
                        objectName: "addedCount"
                        label: qsTr("new")
                        value: importer.added
                        accent: "#2e7d32"
                    }
                    RegistryCount {
                        objectName: "updatedCount"
                        label: qsTr("changed")
                        value: importer.updated
                        accent: "#ef6c00"
                    }
                    RegistryCount {
                        objectName: "unchangedCount"
                        label: qsTr("unchanged")
                        value: importer.unchanged
                    }
                }
                Label {
                    objectName: "messageText"
                    text: importer.message
                    color: page.imported ? "#2e7d32" : "#37474f"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Flow {
                    visible: page.previewed
                    spacing: 8
                    Layout.fillWidth: true
                    Button {
                        objectName: "importButton"
                        text: qsTr("Import %1 rows").arg(importer.rows)
                        highlighted: true
                        enabled: importer.canImport
                        onClicked: importer.importFile()
                    }
                    Button {
                        objectName: "cancelButton"
                        text: qsTr("Cancel")
                        onClicked: importer.reset()
                    }
                }
            }
        }
        ListView {
            id: errorList
            objectName: "errorList"
            visible: importer.errors.count > 0
            model: importer.errors
            clip: true
            spacing: 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            ScrollBar.vertical: ScrollBar {}
            delegate: RegistryErrorRow {
                width: ListView.view.width
            }
        }
        Item {
            visible: !errorList.visible
            Layout.fillHeight: true
        }
    }

    Component.onCompleted: {
        if (file.toString() !== "") {
            pathField.text = importer.pathOf(file)
            importer.preview(file)
        }
    }
}
