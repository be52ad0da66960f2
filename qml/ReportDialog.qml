import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Gengxin.App

// The report for leaders (an A4 PDF of the period's figures, made on the device from the
// server's): to a file the user picks, or to the app's folder; says where it went.
Dialog {
    id: dialog
    property int period: Session.period
    property alias reporter: reporter

    title: qsTr("Export report (PDF)")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent ? parent.width - 24 : 420, 460)
    standardButtons: Dialog.Close

    ReportController {
        id: reporter
        session: Session
        period: dialog.period
    }

    FileDialog {
        id: fileDialog
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF file (*.pdf)")]
        onAccepted: reporter.write(selectedFile)
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8

        Label {
            text: qsTr("The figures of %1 for the city and every county, each with its numerator and denominator, target and gap, and a chart per indicator; A4, ready to print.").arg(dialog.period)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Choose where to save…")
            enabled: !reporter.busy
            Layout.fillWidth: true
            onClicked: fileDialog.open()
        }
        Button {
            objectName: "saveReport"
            text: qsTr("Save to the app's folder")
            enabled: !reporter.busy
            Layout.fillWidth: true
            onClicked: reporter.write("")
        }
        Label {
            text: qsTr("App folder: %1").arg(reporter.defaultPath)
            color: "#555555"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        BusyIndicator {
            running: reporter.busy
            visible: running
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            objectName: "reportResult"
            visible: text !== ""
            text: reporter.error !== "" ? reporter.error : reporter.message
            color: reporter.error !== "" ? "#c62828" : "#2e7d32"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
