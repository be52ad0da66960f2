import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Gengxin.App

// Export of a report made by the server (the coverage figures as CSV or XLSX; with report
// "supply_demand" the 供需对接 table as XLSX): to a file the user picks, or to the Downloads
// folder; says where the file went.
Dialog {
    id: dialog
    property int period: Session.period
    property alias exporter: exporter
    // "coverage" or "supply_demand" (XLSX only)
    property string report: "coverage"
    readonly property bool xlsxOnly: report === "supply_demand"

    title: qsTr("Export figures")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 24 : 420, 460)
    standardButtons: Dialog.Close

    ExportController {
        id: exporter
        session: Session
        period: dialog.period
        report: dialog.report
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

    property string format: xlsxButton.checked || xlsxOnly ? "xlsx" : "csv"

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8

        Label {
            text: dialog.xlsxOnly
                  ? qsTr("Supply and demand of %1: every county and equipment category, as an Excel workbook.").arg(dialog.period)
                  : qsTr("The figures of %1 for every county and the city.").arg(dialog.period)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RadioButton {
            id: xlsxButton
            text: qsTr("Excel (XLSX)")
            checked: true
            visible: !dialog.xlsxOnly
        }
        RadioButton {
            text: qsTr("CSV")
            visible: !dialog.xlsxOnly
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
