import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Gengxin.App

// Export of the coverage report (CSV or XLSX, made by the server): to a file the user picks,
// or to the Downloads folder; says where the file went.
Dialog {
    id: dialog
    property int period: Session.period
    property alias exporter: exporter

    title: qsTr("Export figures")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 24 : 420, 460)
    standardButtons: Dialog.Close

    ExportController {
        id: exporter
        session: Session
        period: dialog.period
    }

    FileDialog {
        id: fileDialog
        fileMode: FileDialog.SaveFile
        currentFolder: "file://" + exporter.downloadsFolder
        defaultSuffix: dialog.format
        nameFilters: dialog.format === "xlsx" ? [qsTr("Excel workbook (*.xlsx)")]
                                               : [qsTr("CSV file (*.csv)")]
        onAccepted: exporter.exportTo(dialog.format, selectedFile)
    }

    property string format: xlsxButton.checked ? "xlsx" : "csv"

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8

        Label {
            text: qsTr("The figures of %1 for every county and the city.").arg(dialog.period)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RadioButton {
            id: xlsxButton
            text: qsTr("Excel (XLSX)")
            checked: true
        }
        RadioButton {
            text: qsTr("CSV")
        }
        Button {
            text: qsTr("Choose where to save…")
            enabled: !exporter.busy
            Layout.fillWidth: true
            onClicked: fileDialog.open()
        }
        Button {
            objectName: "saveToDownloads"
            text: qsTr("Save to Downloads")
            enabled: !exporter.busy
            Layout.fillWidth: true
            onClicked: exporter.exportTo(dialog.format, "")
        }
        BusyIndicator {
            running: exporter.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            visible: text !== ""
            text: exporter.error !== "" ? exporter.error : exporter.message
            color: exporter.error !== "" ? "#c62828" : "#2e7d32"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
