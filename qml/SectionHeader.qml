import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Gengxin.App

// A section title of the form (from the definition), e.g. 走访信息.
Pane {
    required property string section

    padding: 12
    leftPadding: 16
    Material.background: Material.color(Material.Teal, Material.Shade50)
    Material.elevation: 0

    contentItem: Label {
        text: parent.section
        font.bold: true
        font.pixelSize: AppLook.px(16)
        color: Material.color(Material.Teal, Material.Shade800)
        wrapMode: Text.Wrap
    }
}
